/// A message bound to one locale's formatters: format it with arguments, many times.
public struct CompiledMessage {
  public let message: Message
  public let key: String?
  let nodes: [Node]
  let scratch: MessageFormatter.Scratch

  struct Plural {
    var offset: Double
    var exact: [(Double, [Node])]
    /// By category index (PluralRules.categoryNames); `other` is last.
    var arms: [[Node]?]
    var selector: PluralSelector
  }

  /// How a number argument is shown: a MessageFormat style (ICU's NumberFormat), or a
  /// skeleton (ICU's NumberFormatter).
  enum NumberFormat {
    case style(MessageNumberFormat)
    case skeleton(NumberFormatter)

    func format(_ value: NumberArgument, appendingTo out: inout [UInt8]) {
      switch self {
      case .style(let f): f.format(value, appendingTo: &out)
      case .skeleton(let f): f.format(value, appendingTo: &out)
      }
    }
  }

  enum Node {
    case text([UInt8])
    case pound
    /// `{x}`: text as it is, a number in the default format, a date as short date and time.
    case simple(Placeholder, [String], MessageNumberFormat, DateFormatter)
    case number(Placeholder, [String], NumberFormat)
    case date(Placeholder, [String], DateFormatter)
    case list(Placeholder, [String], ListFormatter)
    case select(Placeholder, [String], [String: [Node]])
    case plural(Placeholder, [String], Plural)
  }

  /// The formatted text. A missing argument, or one of the wrong kind, is an error that
  /// names the message and the argument, at the argument's place — never a blank.
  public func format(_ arguments: MessageValue) throws(LetterError) -> String {
    var errors: [Diagnostic] = []
    scratch.bytes.removeAll(keepingCapacity: true)
    format(nodes, arguments, pound: nil, into: &scratch.bytes, errors: &errors)
    if !errors.isEmpty { throw .content(errors) }
    return String(decoding: scratch.bytes, as: UTF8.self)
  }

  private func fault(_ p: Placeholder, _ text: String, _ errors: inout [Diagnostic]) {
    errors.append(
      Diagnostic(
        .error, text, at: message.sourceMap.location(at: p.nameRange.lowerBound), id: "argument",
        key: key))
  }

  private func value(
    _ p: Placeholder, _ path: [String], _ args: MessageValue, _ errors: inout [Diagnostic]
  )
    -> MessageValue?
  {
    if let v = args.value(at: path) { return v }
    fault(p, "no value for the argument '\(p.name)'", &errors)
    return nil
  }

  private func numberValue(_ p: Placeholder, _ v: MessageValue, _ errors: inout [Diagnostic])
    -> NumberArgument?
  {
    switch v {
    case .number(let n): return .double(n)
    case .integer(let i): return .int(i)
    case .string(let s):
      switch MessageValue(numberText: s.trimmingWhitespace) {
      case .integer(let i): return .int(i)
      case .number(let n): return .double(n)
      default: break
      }
    default: break
    }
    fault(
      p,
      "the argument '\(p.name)' must be a number for '\(p.kind.typeName)', but it is \(v.kindName) ('\(v)')",
      &errors)
    return nil
  }

  private func dateValue(_ p: Placeholder, _ v: MessageValue, _ errors: inout [Diagnostic])
    -> CalendarDate?
  {
    switch v {
    case .date(let d): return d
    case .string(let s):
      switch CalendarDate.parse(iso: s) {
      case .success(let d): return d
      case .failure(let problem):
        fault(
          p, "the argument '\(p.name)' for '\(p.kind.typeName)' is '\(s)': \(problem)", &errors)
      }
    default:
      fault(
        p,
        "the argument '\(p.name)' must be a date for '\(p.kind.typeName)', but it is \(v.kindName)",
        &errors)
    }
    return nil
  }

  private func format(
    _ nodes: [Node], _ args: MessageValue, pound: UnsafeBufferPointer<UInt8>?,
    into out: inout [UInt8], errors: inout [Diagnostic]
  ) {
    for node in nodes {
      switch node {
      case .text(let t): out.append(contentsOf: t)
      case .pound: if let pound { out.append(contentsOf: pound) } else { out.append(0x23) }
      case .simple(let p, let path, let numbers, let dates):
        guard let v = value(p, path, args, &errors) else { continue }
        switch v {
        case .string(let s): out.append(contentsOf: s.utf8)
        case .number(let n): numbers.format(.double(n), appendingTo: &out)
        case .integer(let i): numbers.format(.int(i), appendingTo: &out)
        case .date(let d): dates.format(d, appendingTo: &out)
        case .list, .map:
          fault(
            p, "the argument '\(p.name)' is \(v.kindName): say how to show it ({\(p.name), list})",
            &errors)
        }
      case .number(let p, let path, let formatter):
        guard let v = value(p, path, args, &errors), let n = numberValue(p, v, &errors) else {
          continue
        }
        formatter.format(n, appendingTo: &out)
      case .date(let p, let path, let formatter):
        guard let v = value(p, path, args, &errors), let d = dateValue(p, v, &errors) else {
          continue
        }
        formatter.format(d, appendingTo: &out)
      case .list(let p, let path, let formatter):
        guard let v = value(p, path, args, &errors) else { continue }
        guard case .list(let items) = v else {
          fault(
            p,
            "the argument '\(p.name)' must be a list for 'list', but it is \(v.kindName) ('\(v)')",
            &errors)
          continue
        }
        formatter.format(items.map { Array($0.description.utf16) }, appendingTo: &out)
      case .select(let p, let path, let arms):
        guard let v = value(p, path, args, &errors) else { continue }
        let key: String
        switch v {
        case .string(let s): key = s
        case .integer: key = v.description
        case .number(let n) where n.rounded() == n: key = v.description
        default:
          fault(
            p, "the argument '\(p.name)' must be text for 'select', but it is \(v.kindName)",
            &errors)
          continue
        }
        if let body = arms[key] ?? arms["other"] {
          format(body, args, pound: pound, into: &out, errors: &errors)
        }
      case .plural(let p, let path, let plural):
        guard let v = value(p, path, args, &errors), let n = numberValue(p, v, &errors) else {
          continue
        }
        // As ICU: with an offset the number less the offset is a double; `=N` compares
        // the number itself.
        let shown: NumberArgument = plural.offset == 0 ? n : .double(n.double - plural.offset)
        // The number for `#` goes at the end of the output, then moves into place.
        let mark = out.count
        let category = plural.selector.select(shown, appendingPoundTo: &out)
        var body: [Node]? = nil
        let exact = n.double
        for (value, nodes) in plural.exact where value == exact {
          body = nodes
          break
        }
        guard
          let body = body ?? plural.arms[category]
            ?? plural.arms[PluralRules.categoryNames.count - 1]
        else {
          out.removeSubrange(mark...)
          continue
        }
        let length = out.count - mark
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { number in
          _ = number.initialize(from: out[mark...])
          out.removeSubrange(mark...)
          format(body, args, pound: UnsafeBufferPointer(number), into: &out, errors: &errors)
        }
      }
    }
  }
}
