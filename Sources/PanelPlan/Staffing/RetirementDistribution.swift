/// The ages at which doctors leave work for retirement, as a distribution.
///
/// Default: retirement spread evenly over ages 65, 66, 67 and 68 (a quarter
/// each). Sweden's pension age rules (the "riktålder" rising from 66 in
/// 2026) and the many GPs who keep working past 65 make a single age
/// unrealistic; the spread is an illustrative default, to be replaced with a
/// region's own exit data.
public struct RetirementDistribution: Sendable, Hashable {
  /// The first age with a share; `shares[k]` is the share of doctors who
  /// retire at age `firstAge + k`. Shares are normalised to sum to 1; nobody
  /// works past the last age.
  public var firstAge: Int
  public var shares: [Double]

  public init(firstAge: Int, shares: [Double]) {
    precondition(!shares.isEmpty && shares.allSatisfy { $0 >= 0 } && shares.reduce(0, +) > 0,
                 "retirement shares must be non-negative and not all zero")
    self.firstAge = firstAge
    self.shares = shares
  }

  /// The same from input: throws instead of trapping when the shares are
  /// empty, negative, not finite or all zero, or the ages are not 0–150.
  public init(checkedFirstAge firstAge: Int, shares: [Double]) throws {
    guard (0...150).contains(firstAge), shares.count <= 150 - firstAge + 1 else {
      throw InputError(field: "firstAge", problem: "found \(firstAge) with \(shares.count) shares, expected retirement ages from 0 to 150")
    }
    guard !shares.isEmpty, shares.allSatisfy({ $0.isFinite && $0 >= 0 }), shares.reduce(0, +) > 0 else {
      throw InputError(field: "shares", problem: "expected shares of 0 or more, not all zero")
    }
    self.init(firstAge: firstAge, shares: shares)
  }

  /// Evenly spread over `ages`.
  public static func uniform(_ ages: ClosedRange<Int>) -> RetirementDistribution {
    RetirementDistribution(firstAge: ages.lowerBound, shares: Array(repeating: 1, count: ages.count))
  }

  /// A quarter each at 65, 66, 67 and 68.
  public static let standard = uniform(65...68)

  /// The last age anyone works to.
  public var lastAge: Int { firstAge + shares.count - 1 }

  /// The probability that someone still working on reaching `age` retires
  /// at that age: share(age) / (share of ages ≥ age). 0 below the first
  /// age, 1 from the last age on.
  public func hazard(atAge age: Int) -> Double {
    if age < firstAge { return 0 }
    if age >= lastAge { return 1 }
    let k = age - firstAge
    let rest = shares[k...].reduce(0, +)
    return rest > 0 ? shares[k] / rest : 1
  }
}
