/// The description of the error `body` throws, or nil if it throws none.
public func errorMessage(_ body: () throws -> Void) -> String? {
  do { try body(); return nil } catch { return "\(error)" }
}

/// The description of the error `body` throws, or "" if it throws none (so a
/// `contains` check on it fails).
public func errorText(_ body: () throws -> Void) -> String { errorMessage(body) ?? "" }
