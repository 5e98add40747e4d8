// Fuzz target: the CSV reader (signatory lists), on raw bytes.
@testable import LetterKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  do {
    let table = try CSVTable.parse(bytes, file: "fuzz.csv")
    precondition(table.rows.count == table.lines.count, "a row without its line")
    for row in table.rows { precondition(row.count == table.header.count, "ragged row accepted") }
  } catch {
    precondition(!error.diagnostics.isEmpty, "an error without a diagnostic")
  }
  return 0
}
