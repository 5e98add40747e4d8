// Shared by the fuzz targets (compiled into each target binary; see ../run.sh).
#if canImport(Glibc)
  import Glibc
#endif

/// Stops with a message (to stderr) when an invariant fails: `precondition` prints nothing
/// in an optimised build. libFuzzer reports the abort as a crash and keeps the input.
func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
  if !condition() {
    fputs("fuzz check failed: \(message())\n", stderr)
    abort()
  }
}

/// The fuzzer's input as text. Invalid UTF-8 is left to the library where it reads bytes
/// (CSV, files); here it becomes U+FFFD, as `String(decoding:)` makes it.
func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
  String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}

/// A private scratch folder for targets that load files (catalogs, layouts): one per
/// process, under /dev/shm when it exists (no disk writes), removed at exit.
let scratchRoot: String = {
  let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
  let path = "\(base)/letter-fuzz-\(getpid())"
  mkdir(path, 0o700)
  atexit { removeTree(scratchRoot) }
  return path
}()

func makeFolder(_ path: String) { mkdir(path, 0o700) }

/// Writes `bytes` to `path` (replacing it).
func writeFile(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) {
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  check(fd >= 0, "fuzz harness: cannot write \(path)")
  var offset = 0
  while offset < bytes.count {
    let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
    check(n > 0, "fuzz harness: short write to \(path)")
    offset += n
  }
  close(fd)
}

func writeFile(_ path: String, _ bytes: ArraySlice<UInt8>) {
  bytes.withUnsafeBufferPointer { writeFile(path, $0) }
}

/// Removes the files of a scratch folder and the folder (one level of subfolders).
func removeTree(_ path: String) {
  guard let dir = opendir(path) else {
    unlink(path)
    return
  }
  while let entry = readdir(dir) {
    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
      String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
    }
    if name == "." || name == ".." { continue }
    let child = "\(path)/\(name)"
    if unlink(child) != 0 { removeTree(child) }
  }
  closedir(dir)
  rmdir(path)
}

/// Splits the input at NUL bytes into at most `limit` parts (the last keeps the rest).
func parts(_ data: UnsafePointer<UInt8>, _ size: Int, limit: Int) -> [ArraySlice<UInt8>] {
  let all = Array(UnsafeBufferPointer(start: data, count: size))
  return all.split(separator: 0, maxSplits: limit - 1, omittingEmptySubsequences: false)
}
