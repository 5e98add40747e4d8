// Fuzz target: the CSV reader (signatory lists), on raw bytes.
//
// Besides crashes, it checks what an accepted table must keep: every byte of the input
// other than the structure (`"` `,` CR LF, a leading BOM) is in exactly one field, so no
// byte is dropped or invented; and writing the table back and reading it gives the same.
import Glibc

@testable import LetterKit

/// `run.sh` with SKIP_KNOWN=1 steps around known faults (remove once fixed): inputs with a
/// bare CR (not before LF) skip the byte check (issue 16, item 4: `"Zed"\rAmy` reads
/// `my`); tables with a row that is one empty field skip the read-back (`encode` writes
/// it as a blank line, which the reader skips: regressions/csv/encode-lone-empty-field);
/// tables whose first field starts with U+FEFF skip it too (`encode` writes it unquoted at
/// the file's start, where the reader takes it for a byte order mark:
/// regressions/csv/encode-leading-feff).
let skipKnown = getenv("LETTER_FUZZ_SKIP_KNOWN") != nil

func contentBytes<S: Sequence<UInt8>>(_ bytes: S) -> Int {
  bytes.reduce(0) { n, b in n + (b == 0x22 || b == 0x2C || b == 0x0D || b == 0x0A ? 0 : 1) }
}

func hasBareCR(_ bytes: [UInt8]) -> Bool {
  bytes.indices.contains { bytes[$0] == 0x0D && ($0 + 1 == bytes.count || bytes[$0 + 1] != 0x0A) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let table: CSVTable
  do {
    table = try CSVTable.parse(bytes, file: "fuzz.csv")
  } catch {
    check(!error.diagnostics.isEmpty, "an error without a diagnostic")
    return 0
  }
  check(table.rows.count == table.lines.count, "a row without its line")
  for row in table.rows { check(row.count == table.header.count, "ragged row accepted") }
  if !(skipKnown && hasBareCR(bytes)) {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    let kept = ([table.header] + table.rows).joined().reduce(0) { $0 + contentBytes($1.utf8) }
    check(
      kept == contentBytes(body), "bytes lost or added: \(contentBytes(body)) in, \(kept) kept")
  }
  if skipKnown,
    ([table.header] + table.rows).contains([""])
      || table.header.first?.hasPrefix("\u{FEFF}") == true
  {
    return 0
  }
  let encoded = CSVTable.encode(header: table.header, rows: table.rows)
  do {
    let again = try CSVTable.parse(encoded, file: "again.csv")
    check(again.header == table.header, "header not read back the same")
    check(again.rows == table.rows, "rows not read back the same: \(again.rows) for \(table.rows)")
  } catch {
    check(false, "CSVTable.encode wrote what the reader refuses: \(error.diagnostics)")
  }
  return 0
}
