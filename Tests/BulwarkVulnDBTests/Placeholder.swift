import Testing

@Test func placeholderBulwarkVulnDBTests() { #expect(Bool(true)) }
