import BulwarkCore

/// The one package order every writer uses: by type, then name; packages of the same type and name
/// keep their input order.
///
/// The engine already sorts inventories (versions in each ecosystem's own order, which plain string
/// comparison would get wrong: `1.10` vs `1.9`), so writers only group by type and name and otherwise
/// trust the input. The result depends on nothing but the input, so output stays reproducible.
enum PackageOrdering {
    /// `packages` in writer order.
    static func sorted(_ packages: [Package]) -> [Package] {
        order(of: packages).map { packages[$0] }
    }

    /// The indices of `packages` in writer order.
    static func order(of packages: [Package]) -> [Int] {
        packages.indices.sorted { lhs, rhs in
            let left = packages[lhs]
            let right = packages[rhs]
            if left.type != right.type { return left.type < right.type }
            if left.name != right.name { return left.name < right.name }
            return lhs < rhs
        }
    }
}
