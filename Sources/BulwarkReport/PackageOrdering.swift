import BulwarkCore

/// The one package order every writer uses: type, name, version, architecture, location, purl.
///
/// Inventories are already sorted this way by the engine; writers sort again so their output never
/// depends on how the inventory was assembled. Ties keep their input order.
enum PackageOrdering {
    /// `packages` in writer order.
    static func sorted(_ packages: [Package]) -> [Package] {
        packages.enumerated().sorted { lhs, rhs in
            let left = key(lhs.element)
            let right = key(rhs.element)
            if left != right { return left.lexicographicallyPrecedes(right) }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    private static func key(_ package: Package) -> [String] {
        [package.type.rawValue, package.name, package.version, package.architecture ?? "", package.location, package.purl.description]
    }
}
