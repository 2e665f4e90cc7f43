/// The required structure of GitLab's SAST report schema v15 (gitlab-org/security-products/security-report-schemas,
/// `dist/sast-report-format.json`), written by hand from the published schema's structure as generated into
/// Java classes by logchange/eir (`report/gitlab/v15/{Scan,Vulnerability,Identifier}.java`,
/// `report/gitlab/v15/sast/{SastReport,SastVulnerability,Location}.java`: required members, enums, descriptions)
/// and from the container scanning rewrite next door (`Formats/GitLabSchema.swift`: patterns and lengths the
/// report schemas share). The upstream file itself is not available in this environment. Kept as a string so
/// the test target needs no resources.
enum MisconfigurationSASTSchema {
    static let json = #"""
{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$comment": "Required structure of GitLab's SAST report schema v15 (dist/sast-report-format.json), rewritten by hand; see MisconfigurationSASTSchema.swift.",
  "type": "object",
  "required": ["scan", "version", "vulnerabilities"],
  "properties": {
    "version": {"type": "string", "pattern": "^15\\.[0-9]+\\.[0-9]+$"},
    "schema": {"type": "string", "pattern": "^https?://.+/sast-report-format\\.json$"},
    "scan": {
      "type": "object",
      "required": ["analyzer", "end_time", "scanner", "start_time", "status", "type"],
      "properties": {
        "analyzer": {"$ref": "#/definitions/tool"},
        "scanner": {"$ref": "#/definitions/tool"},
        "start_time": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$"},
        "end_time": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$"},
        "status": {"enum": ["success", "failure"]},
        "type": {"enum": ["sast"]}
      }
    },
    "vulnerabilities": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["id", "identifiers", "location"],
        "not": {"anyOf": [{"required": ["category"]}, {"required": ["message"]}, {"required": ["cve"]}, {"required": ["scanner"]}]},
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
          "links": {
            "type": "array",
            "items": {"type": "object", "required": ["url"], "properties": {"url": {"type": "string", "pattern": "^(https?|ftp)://.+"}}}
          },
          "location": {
            "type": "object",
            "properties": {
              "file": {"type": "string", "minLength": 1},
              "start_line": {"type": "number"},
              "end_line": {"type": "number"},
              "class": {"type": "string"},
              "method": {"type": "string"}
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
