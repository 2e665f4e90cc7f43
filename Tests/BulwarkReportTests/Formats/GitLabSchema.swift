/// The required structure of GitLab's container scanning report schema v15.2.4
/// (gitlab-org/security-products/security-report-schemas, `dist/container-scanning-report-format.json`),
/// rewritten by hand from the published schema as vendored in google/osv-scanner
/// (`internal/output/gitlab/testdata/schemas`). Only constraints on members Bulwark writes are kept
/// (required members, enums, patterns, lengths); the upstream file cannot be downloaded in this
/// environment. Kept as a string so the test target needs no resources.
enum GitLabSchema {
    static let json = #"""
{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$comment": "The required structure of GitLab's container scanning report schema v15.2.4 (gitlab-org/security-products/security-report-schemas, dist/container-scanning-report-format.json), rewritten by hand from the published schema as vendored in google/osv-scanner internal/output/gitlab/testdata/schemas. Only the constraints on members Bulwark writes are kept; the upstream file cannot be downloaded here.",
  "type": "object",
  "required": ["scan", "version", "vulnerabilities"],
  "properties": {
    "version": {"type": "string", "pattern": "^[0-9]+\\.[0-9]+\\.[0-9]+$"},
    "schema": {"type": "string", "pattern": "^https?://.+"},
    "scan": {
      "type": "object",
      "required": ["analyzer", "end_time", "scanner", "start_time", "status", "type"],
      "properties": {
        "analyzer": {"$ref": "#/definitions/tool"},
        "scanner": {"$ref": "#/definitions/tool"},
        "start_time": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$"},
        "end_time": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$"},
        "status": {"enum": ["success", "failure"]},
        "type": {"enum": ["container_scanning", "container_scanning_for_registry"]}
      }
    },
    "vulnerabilities": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["id", "identifiers", "location"],
        "properties": {
          "id": {"type": "string", "minLength": 1},
          "name": {"type": "string", "maxLength": 255},
          "description": {"type": "string", "maxLength": 1048576},
          "severity": {"enum": ["Info", "Unknown", "Low", "Medium", "High", "Critical"]},
          "solution": {"type": "string", "maxLength": 7000},
          "identifiers": {
            "type": "array",
            "minItems": 1,
            "items": {
              "type": "object",
              "required": ["type", "name", "value"],
              "properties": {
                "type": {"type": "string", "minLength": 1},
                "name": {"type": "string", "minLength": 1},
                "value": {"type": "string", "minLength": 1},
                "url": {"type": "string", "pattern": "^(https?|ftp)://.+"}
              }
            }
          },
          "cvss_vectors": {
            "type": "array",
            "minItems": 1,
            "maxItems": 10,
            "items": {
              "type": "object",
              "required": ["vendor", "vector"],
              "properties": {
                "vendor": {"type": "string", "minLength": 1},
                "vector": {"type": "string", "minLength": 16, "maxLength": 256, "pattern": "^(CVSS:3[.][01]/|CVSS:4[.]0/)"}
              }
            }
          },
          "links": {
            "type": "array",
            "items": {"type": "object", "required": ["url"], "properties": {"url": {"type": "string", "pattern": "^(https?|ftp)://.+"}}}
          },
          "location": {
            "type": "object",
            "required": ["dependency", "operating_system", "image"],
            "properties": {
              "dependency": {
                "type": "object",
                "required": ["package", "version"],
                "properties": {
                  "package": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
                  "version": {"type": "string"}
                }
              },
              "operating_system": {"type": "string", "minLength": 1},
              "image": {"type": "string", "minLength": 1}
            }
          }
        }
      }
    }
  },
  "definitions": {
    "tool": {
      "type": "object",
      "required": ["id", "name", "version", "vendor"],
      "properties": {
        "id": {"type": "string", "minLength": 1},
        "name": {"type": "string", "minLength": 1},
        "version": {"type": "string", "minLength": 1},
        "vendor": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "minLength": 1}}}
      }
    }
  }
}
"""#
}
