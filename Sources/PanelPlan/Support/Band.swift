/// The staffing projection's and recruitment's name for `Summary`, the one
/// summary type (see its NaN rule). Kept as a name so that the staffing
/// files, being rewired in parallel, need no edit; new code says `Summary`.
public typealias Band = Summary
