/// The result of a comparison.
public enum Ordering: Int, Sendable {
  case ascending = -1
  case same = 0
  case descending = 1
}
