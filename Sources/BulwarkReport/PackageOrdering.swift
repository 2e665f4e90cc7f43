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
        packages.enumerated().sorted { lhs, rhs in
            if lhs.element.type != rhs.element.type { return lhs.element.type < rhs.element.type }
            if lhs.element.name != rhs.element.name { return lhs.element.name < rhs.element.name }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
