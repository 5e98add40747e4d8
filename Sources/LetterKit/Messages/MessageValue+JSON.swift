import Foundation

extension MessageValue {
  /// Arguments from JSON text: numbers are numbers, arrays are lists, objects are maps,
  /// strings are text (an ISO 8601 string serves as a date where a message asks for one).
  public init(json text: String) throws(LetterError) {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    } catch {
      let detail =
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "not valid JSON"
      throw .input("--args: \(detail)")
    }
    self = MessageValue(jsonObject: object)
  }

  init(jsonObject object: Any) {
    switch object {
    case let s as String: self = .string(s)
    case let n as NSNumber:
      // JSON true/false arrive as NSNumber too; keep them as text for select.
      if String(cString: n.objCType) == "c" {
        self = .string(n.boolValue ? "true" : "false")
      } else {
        self = .number(n.doubleValue)
      }
    case let a as [Any]: self = .list(a.map(MessageValue.init(jsonObject:)))
    case let d as [String: Any]: self = .map(d.mapValues(MessageValue.init(jsonObject:)))
    default: self = .string("")
    }
  }
}
