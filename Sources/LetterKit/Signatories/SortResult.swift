/// The order a list sorts in, with the index heading of each member.
public struct SortResult: Sendable {
  /// Input positions in sorted order. Members that could not be placed (a Japanese
  /// name with kanji and no reading) come last, in input order.
  public var order: [Int]
  /// How many members at the end of `order` could not be placed.
  public var unplacedCount: Int
  /// The heading of each member of `order` (same positions), if headings were asked for.
  public var headings: [IndexHeading]?

  /// The members that could not be placed, in input order.
  public var unplaced: ArraySlice<Int> { order.suffix(unplacedCount) }
}
