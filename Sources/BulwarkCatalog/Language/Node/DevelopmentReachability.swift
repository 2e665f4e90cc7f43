/// Decides which lockfile packages are development-only from the project's direct dependencies:
/// a package reachable from a production root is production; one reachable only from development
/// roots is development. Packages reachable from neither stay production (nothing says otherwise).
enum DevelopmentReachability {
    /// The nodes reachable from `developmentRoots` but not from `productionRoots` over `edges`
    /// (node index → dependency indexes). Iterative, so cycles and long chains are safe.
    static func developmentOnly(edges: [[Int]], productionRoots: [Int], developmentRoots: [Int]) -> Set<Int> {
        let production = reachable(from: productionRoots, edges: edges)
        let development = reachable(from: developmentRoots, edges: edges)
        return development.subtracting(production)
    }

    /// Every node reachable from `roots` (roots included).
    static func reachable(from roots: [Int], edges: [[Int]]) -> Set<Int> {
        var seen = Set<Int>()
        var stack = roots.filter { $0 >= 0 && $0 < edges.count }
        while let node = stack.popLast() {
            guard seen.insert(node).inserted else { continue }
            for next in edges[node] where !seen.contains(next) { stack.append(next) }
        }
        return seen
    }
}
