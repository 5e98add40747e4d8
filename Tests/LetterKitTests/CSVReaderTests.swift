import Testing

@testable import LetterKit

@Suite("CSV reader (RFC 4180, strict)")
struct CSVReaderTests {
  func parse(_ text: String) throws -> CSVTable {
    try CSVTable.parse(Array(text.utf8), file: "t.csv")
  }

  func failure(_ text: String) -> [Diagnostic] {
    do {
      _ = try parse(text)
      return []
    } catch let error as LetterError {
      return error.diagnostics
    } catch {
      return []
    }
  }

  @Test func quotedFieldsCommasQuotesAndNewlines() throws {
    let t = try parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nplain,,end\n")
    #expect(t.header == ["a", "b", "c"])
    #expect(t.rows == [["x, y", "say \"hi\"", "two\nlines"], ["plain", "", "end"]])
    #expect(t.lines == [2, 4])
  }

  @Test func byteOrderMarkAndMissingFinalNewline() throws {
    let t = try parse("\u{FEFF}name,reading\n京都YWCA,きょうと")
    #expect(t.header == ["name", "reading"])
    #expect(t.rows == [["京都YWCA", "きょうと"]])
  }

  @Test func unterminatedQuoteNamesTheLineWhereTheFieldBegan() {
    let d = failure("name,reading\nok,fine\n\"open,x\nmore\nmore\n")
    #expect(d.count == 1)
    #expect(d.first?.location == SourceLocation(file: "t.csv", line: 3, column: 1))
    #expect(d.first?.message.contains("unterminated") == true)
  }

  @Test func textAfterClosingQuote() {
    let d = failure("a,b\n\"ab\"c,d\n")
    #expect(d.first?.location == SourceLocation(file: "t.csv", line: 2, column: 5))
  }

  @Test func quoteInsideUnquotedField() {
    let d = failure("a,b\nx,ab\"c\n")
    #expect(d.first?.location == SourceLocation(file: "t.csv", line: 2, column: 5))
  }

  @Test func wrongFieldCountEveryRowReported() {
    let d = failure("a,b\n1,2\n1,2,3\n4\n5,6\n")
    #expect(d.map(\.location?.line) == [3, 4])
    #expect(d.first?.message == "this row has 3 fields, the header has 2")
  }

  @Test func invalidUTF8NamesTheLine() {
    var bytes = Array("a,b\nx,y\n".utf8)
    bytes += [0x7A, 0xC3, 0x28, 0x0A]
    #expect(throws: LetterError.self) { try CSVTable.parse(bytes, file: "t.csv") }
    do {
      _ = try CSVTable.parse(bytes, file: "t.csv")
    } catch {
      #expect(error.diagnostics.first?.location?.line == 3)
      #expect(error.diagnostics.first?.location?.column == 2)
    }
  }

  @Test func roundTrip() throws {
    let rows = [["x, y", "say \"hi\""], ["a", "b\nc"]]
    let bytes = CSVTable.encode(header: ["h1", "h2"], rows: rows)
    let t = try CSVTable.parse(bytes, file: "t.csv")
    #expect(t.rows == rows)
  }
}

@Suite("UTF-8 validation")
struct UTF8ValidationTests {
  @Test(
    arguments: [
      [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE3, 0x81], [0x80], [0xFF],
    ] as [[UInt8]])
  func rejects(bad: [UInt8]) {
    let bytes = Array("ok\n".utf8) + bad
    #expect(bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalid($0) } == 3)
  }

  @Test func acceptsAllOfUnicode() {
    let text = "abc あいう 漢字 😀 \u{10FFFF} ｶﾀｶﾅ"
    let bytes = Array(text.utf8)
    #expect(bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalid($0) } == nil)
  }
}
