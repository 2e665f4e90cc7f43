import BulwarkCore

/// How much a license asks of whoever ships the software, following the categories of Google's
/// licenseclassifier (as Trivy uses them), ordered from least to most restrictive.
///
/// Order (``restrictiveness``): unencumbered < permissive < notice < reciprocal < restricted < unknown <
/// forbidden. `unknown` ranks above `restricted`: a license nobody recognized may demand anything, so
/// `AND` with an unknown is unknown, but it ranks below `forbidden`, so a known forbidden license is
/// never hidden by an unknown one.
public enum LicenseCategory: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    /// Use is not allowed by policy (AGPL, SSPL, non-commercial Creative Commons, WTFPL, Commons Clause…).
    case forbidden
    /// Shipping requires offering the source of the combined work (GPL, LGPL, CC-BY-SA, OSL…).
    case restricted
    /// Modified files of the component must be shared (MPL, EPL, CDDL, APSL, Ruby…).
    case reciprocal
    /// Shipping requires keeping a copyright notice or attribution (Apache, BSD, MIT, ISC, Zlib…).
    case notice
    /// Even less than notice: no attribution needed (none by default; for user overrides and `allowed` ids).
    case permissive
    /// Free for any use: public domain dedications (Unlicense, CC0, 0BSD, `LicenseRef-Public-Domain`).
    case unencumbered
    /// Not recognized, or recognized but without a known category (including `LicenseRef-Proprietary`).
    case unknown

    /// 0 (unencumbered) … 6 (forbidden); see the type's documentation.
    public var restrictiveness: Int {
        switch self {
        case .unencumbered: return 0
        case .permissive: return 1
        case .notice: return 2
        case .reciprocal: return 3
        case .restricted: return 4
        case .unknown: return 5
        case .forbidden: return 6
        }
    }

    /// Orders by ``restrictiveness``.
    public static func < (lhs: LicenseCategory, rhs: LicenseCategory) -> Bool {
        lhs.restrictiveness < rhs.restrictiveness
    }

    /// The severity of a finding about a package under a license of this category; nil when there is
    /// nothing to report.
    ///
    /// forbidden → critical, restricted → high, reciprocal → medium, notice → low, permissive and
    /// unencumbered → nil, unknown → ``Severity/unknown`` (as Trivy does: not judged, but shown, and
    /// kept out of severity-threshold failures unless the user asks for unknown).
    public var severity: Severity? {
        switch self {
        case .forbidden: return .critical
        case .restricted: return .high
        case .reciprocal: return .medium
        case .notice: return .low
        case .permissive, .unencumbered: return nil
        case .unknown: return .unknown
        }
    }

    /// Whether a `--fail-on-license threshold` check fails for this category: it is `threshold` or more
    /// restrictive.
    public func fails(threshold: LicenseCategory) -> Bool {
        restrictiveness >= threshold.restrictiveness
    }
}
