import BulwarkCore
import Foundation
import NIOHTTP1

extension RegistryPuller {
    /// The tags of `reference`'s repository (`GET /v2/<name>/tags/list`, following `Link` pagination up
    /// to `maxPages` pages of 1,000).
    public func tags(of reference: ImageReference, maxPages: Int = 20) async throws(BulwarkError) -> [String] {
        var tags: [String] = []
        var path = "/v2/\(reference.repository)/tags/list?n=1000"
        for _ in 0..<maxPages {
            let response = try await client.get(path, of: reference, accept: ["application/json"], limit: 8 << 20)
            guard let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] else {
                throw BulwarkError.invalid("\(reference.familiarName): tags list", "not a JSON object")
            }
            tags += (object["tags"] as? [Any] ?? []).compactMap { $0 as? String }
            // `Link: </v2/name/tags/list?last=x&n=1000>; rel="next"`
            guard let link = response.headers["Link"].first, link.contains("rel=\"next\""),
                let start = link.firstIndex(of: "<"), let end = link.firstIndex(of: ">"), start < end
            else { break }
            let next = String(link[link.index(after: start)..<end])
            guard next.hasPrefix("/v2/") else { break }
            path = next
        }
        return tags
    }
}
