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

  /// A placeholder bound to what formats it: one reference, so walking the nodes costs
  /// one retain per placeholder.
  final class Bound<Formatter> {
    let p: Placeholder
    let path: [String]
    let f: Formatter

    init(_ p: Placeholder, _ path: [String], _ f: Formatter) {
      self.p = p
      self.path = path
      self.f = f
    }
  }

  enum Node {
    case text([UInt8])
    case pound
    /// `{x}`: text as it is, a number in the default format, a date as short date and time.
    case simple(Bound<(MessageNumberFormat, DateFormatter)>)
    case number(Bound<NumberFormat>)
    case date(Bound<DateFormatter>)
    case list(Bound<ListFormatter>)
    case select(Bound<[String: [Node]]>)
    case plural(Bound<Plural>)
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
      case .simple(let b):
        let (p, numbers, dates) = (b.p, b.f.0, b.f.1)
        guard let v = value(p, b.path, args, &errors) else { continue }
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
      case .number(let b):
        guard let v = value(b.p, b.path, args, &errors), let n = numberValue(b.p, v, &errors)
        else {
          continue
        }
        b.f.format(n, appendingTo: &out)
      case .date(let b):
        guard let v = value(b.p, b.path, args, &errors), let d = dateValue(b.p, v, &errors) else {
          continue
        }
        b.f.format(d, appendingTo: &out)
      case .list(let b):
        let (p, formatter) = (b.p, b.f)
        guard let v = value(p, b.path, args, &errors) else { continue }
        guard case .list(let items) = v else {
          fault(
            p,
            "the argument '\(p.name)' must be a list for 'list', but it is \(v.kindName) ('\(v)')",
            &errors)
          continue
        }
        formatter.format(items.map { Array($0.description.utf16) }, appendingTo: &out)
      case .select(let b):
        let (p, arms) = (b.p, b.f)
        guard let v = value(p, b.path, args, &errors) else { continue }
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
      case .plural(let b):
        let plural = b.f
        guard let v = value(b.p, b.path, args, &errors), let n = numberValue(b.p, v, &errors)
        else {
          continue
        }
        // As ICU: with an offset the number less the offset is a double; `=N` compares
        // the number itself.
        let shown: NumberArgument = plural.offset == 0 ? n : .double(n.double - plural.offset)
        let exact = n.double
        plural.selector.withCategory(of: shown) { category, number in
          var body: [Node]? = nil
          for (value, nodes) in plural.exact where value == exact {
            body = nodes
            break
          }
          guard
            let body = body ?? plural.arms[category]
              ?? plural.arms[PluralRules.categoryNames.count - 1]
          else { return }
          format(body, args, pound: number, into: &out, errors: &errors)
        }
      }
    }
  }
}
