/// Where people go: movers to another centre of their region, and the
/// heap that places hires and trainees one at a time.
extension ReplicationEngine {
  /// Movers go to another centre of their own region.
  mutating func placeMovers(t: Int) {
    guard w.moveShare > 0 else { return }
    let n = p.centres.count
    let gaps = (0..<n).map { max(0, gapFTE(centre: $0, t: t)) }
    for ri in p.regionNames.indices {
      let inRegion = (0..<n).filter { p.centres[$0].regionIndex == ri }
      guard inRegion.count > 1 else {
        // A single centre: movers stay.
        for c in inRegion {
          if stochastic { members[c] += events[c].movers } else if events[c].movedWeight > 0 { members[c].append(pooled(events[c])) }
        }
        continue
      }
      if stochastic {
        var rng = Xoshiro256(seed: seed, stream: [UInt64(rep), 3, UInt64(ri), UInt64(t)])
        for origin in inRegion {
          for m in events[origin].movers {
            let others = inRegion.filter { $0 != origin }
            let total = others.reduce(0) { $0 + gaps[$1] }
            var dest = others[rng.nextIndex(others.count)]
            if total > 0 {
              var u = rng.nextUnit() * total
              for c in others {
                u -= gaps[c]
                if u < 0 { dest = c; break }
              }
            }
            members[dest].append(m)
            events[dest].movesIn += 1
          }
        }
      } else {
        var pool = Events()
        for c in inRegion {
          pool.movedWeight += events[c].movedWeight
          pool.movedFTEWeight += events[c].movedFTEWeight
          pool.movedBirthWeight += events[c].movedBirthWeight
          pool.movedUnknownBirth = pool.movedUnknownBirth || events[c].movedUnknownBirth
        }
        guard pool.movedWeight > 0 else { continue }
        let totalGap = inRegion.reduce(0) { $0 + gaps[$1] }
        let spec = inRegion.map { c in members[c].reduce(0) { $0 + ($1.role == .gpSpecialist ? $1.weight * $1.fte : 0) } }
        let totalSpec = spec.reduce(0, +)
        for (j, c) in inRegion.enumerated() {
          let share = totalGap > 0 ? gaps[c] / totalGap : (totalSpec > 0 ? spec[j] / totalSpec : 1 / Double(inRegion.count))
          guard share > 0 else { continue }
          var m = pooled(pool)
          m.weight *= share
          members[c].append(m)
          events[c].movesIn += m.weight
        }
      }
    }
  }

  /// One aggregate specialist standing for the expected movers of a pool.
  func pooled(_ e: Events) -> StaffMember {
    StaffMember(
      role: .gpSpecialist, fte: e.movedFTEWeight / e.movedWeight,
      birthYear: e.movedUnknownBirth ? nil : Int((e.movedBirthWeight / e.movedWeight).rounded()),
      trainingYearsDone: 0, otherDuties: .none, weight: e.movedWeight, rng: Xoshiro256(seed: 0))
  }
}
