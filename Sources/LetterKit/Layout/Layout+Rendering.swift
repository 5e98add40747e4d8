extension Layout {
  /// How deep partials and parents may include one another.
  static let maxInclusion = 16
  /// The most text one rendering may produce.
  static let maxOutput = 64 << 20

  /// One rendering of a layout: the output, and the errors and warnings met on the way.
  struct Rendering {
    /// Every layout the rendering may include, by name.
    let layouts: [String: Layout]
    let format: LayoutSet.Format
    let messages: LayoutMessages?
    var output = ""
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []
    /// The layouts being expanded, outermost first (to name a cycle).
    private var chain: [String] = []
    private var overflowed = false

    init(layouts: [String: Layout], format: LayoutSet.Format, messages: LayoutMessages?) {
      self.layouts = layouts
      self.format = format
      self.messages = messages
    }

    /// Renders the layout `name` with `context` at the bottom of the stack.
    mutating func render(_ name: String, context: LayoutValue) {
      guard let layout = layouts[name] else {
        errors.append(Diagnostic(.error, "no layout '\(name)'", id: "layout"))
        return
      }
      chain = [name]
      render(layout.nodes, stack: [context], overrides: [:], indent: "")
    }

    private mutating func emit(_ text: String, indent: String) {
      guard !overflowed else { return }
      if output.utf8.count + text.utf8.count > Layout.maxOutput {
        overflowed = true
        errors.append(
          Diagnostic(
            .error, "the letter would be longer than \(Layout.maxOutput >> 20) MiB", id: "layout"))
        return
      }
      guard !indent.isEmpty else {
        output += text
        return
      }
      // A standalone partial's lines are indented as its tag is.
      for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if k > 0 { output += "\n" }
        let atLineStart = k > 0 || output.isEmpty || output.utf8.last == 0x0A
        if atLineStart && !line.isEmpty { output += indent }
        output += line
      }
    }

    private mutating func render(
      _ nodes: [Node], stack: [LayoutValue], overrides: [String: [Node]], indent: String
    ) {
      for node in nodes {
        if overflowed { return }
        switch node {
        case .text(let text):
          emit(text, indent: indent)
        case .variable(let tag), .raw(let tag):
          var raw = false
          if case .raw = node { raw = true }
          guard let value = resolve(tag, stack: stack, raw: raw) else {
            continue
          }
          switch value {
          case .text(let s): emit(raw ? s : format.escape(s), indent: indent)
          case .number(let n): emit(String(n), indent: indent)
          case .flag(let b): emit(b ? "true" : "false", indent: indent)
          case .list, .map, .messages:
            errors.append(
              Diagnostic(
                .error,
                "'\(tag.name)' is \(value.kindName), not text: use it as a section ({{#\(tag.name)}}…{{/\(tag.name)}})",
                at: tag.location, id: "layout"))
          }
        case .section(let tag, let children, let inverted):
          let value = resolve(tag, stack: stack, raw: false, optional: true)
          let falsy = value?.isFalsy ?? true
          if inverted {
            if falsy { render(children, stack: stack, overrides: overrides, indent: indent) }
            continue
          }
          guard let value, !falsy else { continue }
          if case .list(let items) = value {
            for item in items {
              render(children, stack: stack + [item], overrides: overrides, indent: indent)
            }
          } else {
            render(children, stack: stack + [value], overrides: overrides, indent: indent)
          }
        case .block(let tag, let children):
          render(
            overrides[tag.name] ?? children, stack: stack, overrides: overrides, indent: indent)
        case .partial(let tag, let partialIndent):
          guard let layout = enter(tag) else { continue }
          render(layout.nodes, stack: stack, overrides: [:], indent: indent + partialIndent)
          chain.removeLast()
        case .parent(let tag, let own, let parentIndent):
          guard let layout = enter(tag) else { continue }
          // The outer layout's replacements win over this one's.
          var merged = own
          for (name, nodes) in overrides { merged[name] = nodes }
          render(layout.nodes, stack: stack, overrides: merged, indent: indent + parentIndent)
          chain.removeLast()
        }
      }
    }

    /// The layout a partial or parent tag names, once it is known not to include itself.
    private mutating func enter(_ tag: Tag) -> Layout? {
      guard let layout = layouts[tag.name] else {
        let known = layouts.keys.sorted().joined(separator: ", ")
        errors.append(
          Diagnostic(
            .error, "no layout '\(tag.name)' to include (the template has: \(known))",
            at: tag.location, id: "layout"))
        return nil
      }
      if chain.contains(tag.name) {
        errors.append(
          Diagnostic(
            .error,
            "layout includes itself: \((chain + [tag.name]).joined(separator: " → "))",
            at: tag.location, id: "layout"))
        return nil
      }
      if chain.count >= Layout.maxInclusion {
        errors.append(
          Diagnostic(
            .error, "layouts include one another more than \(Layout.maxInclusion) deep",
            at: tag.location, id: "layout"))
        return nil
      }
      chain.append(tag.name)
      return layout
    }

    /// The value a name stands for: its first part looked up from the top of the stack
    /// down, the rest inside what was found. A message is formatted when first used. nil:
    /// not there (an error unless `optional`, as a section's name is), or a message that
    /// cannot be had (its error is recorded).
    private mutating func resolve(
      _ tag: Tag, stack: [LayoutValue], raw: Bool, optional: Bool = false
    ) -> LayoutValue? {
      let path = tag.path
      var value: LayoutValue?
      if path.isEmpty {
        value = stack.last
      } else {
        let first = String(path[0])
        for frame in stack.reversed() {
          switch frame {
          case .map(let m):
            value = m[first]
          case .messages(let prefix):
            let key = prefix.isEmpty ? first : "\(prefix).\(first)"
            if let messages, messages.contains(key) != (false, false) {
              value = .messages(prefix: key)
            }
          default: break
          }
          if value != nil { break }
        }
        for part in path.dropFirst() {
          switch value {
          case .map(let m)?:
            value = m[String(part)]
          case .messages(let prefix)?:
            let key = prefix.isEmpty ? String(part) : "\(prefix).\(part)"
            guard let messages, messages.contains(key) != (false, false) else {
              messages?.unknown(key, usedAt: tag.location)
              return nil
            }
            value = .messages(prefix: key)
          default:
            value = nil
          }
          if value == nil { break }
        }
      }
      // A message key stands for its formatted text.
      if case .messages(let key)? = value, let messages, messages.contains(key).isKey {
        guard let text = messages.text(of: key, usedAt: tag.location) else { return nil }
        if raw && format != .txt {
          warnings.append(
            Diagnostic(
              .warning,
              "the layout inserts this message unescaped ({{{…}}} or {{&…}}): markup in a translation reaches the \(format.rawValue) output as it is",
              at: tag.location, id: "raw-html", key: key))
        }
        return .text(text)
      }
      if value == nil && !optional {
        errors.append(
          Diagnostic(
            .error, "the layout uses '\(tag.name)', which the letter does not have",
            at: tag.location, id: "layout-value"))
      }
      return value
    }
  }
}
