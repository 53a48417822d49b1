#!/usr/bin/env python3
"""Renders an OpenAPI 3.1 document (JSON) as Markdown: endpoints, then schemas. Standard library only."""
import json
import sys

METHODS = ("get", "put", "post", "delete", "options", "head", "patch")


def type_of(schema):
    """A short type expression for a schema: a link to a component, array<...>, map<...> or the JSON type."""
    if not schema:
        return "any"
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " \\| ".join(type_of(member) for member in schema[key])
    kind = schema.get("type", "any")
    if isinstance(kind, list):
        kind = " \\| ".join(kind)
    if kind == "array":
        return f"array&lt;{type_of(schema.get('items'))}&gt;"
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict) and not schema.get("properties"):
        return f"map&lt;string, {type_of(schema['additionalProperties'])}&gt;"
    if "enum" in schema:
        return f"{kind} ({', '.join(map(str, schema['enum']))})"
    return kind


def cell(text):
    return " ".join(str(text or "").split()).replace("|", "\\|")


def render(document):
    info = document.get("info", {})
    out = [f"# {info.get('title', 'API')}", "", cell(info.get("description")), "",
           f"Version {info.get('version', '')}; OpenAPI {document.get('openapi', '')}.", ""]
    for server in document.get("servers", []):
        out.append(f"Server: `{server['url']}` ({server.get('description', '')})")
    out += ["", "## Endpoints", "", "| Method | Path | Tag | Responses |", "|---|---|---|---|"]
    operations = []
    for path, item in document.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                operations.append((path, method, item[method]))
    operations.sort(key=lambda op: (op[0], METHODS.index(op[1])))
    for path, method, operation in operations:
        statuses = ", ".join(sorted(operation.get("responses", {})))
        out.append(f"| {method.upper()} | `{path}` | {', '.join(operation.get('tags', []))} | {statuses} |")
    for path, method, operation in operations:
        out += ["", f"### {method.upper()} `{path}`", ""]
        if operation.get("summary") or operation.get("description"):
            out += [cell(operation.get("summary") or operation.get("description")), ""]
        out.append(f"Operation id: `{operation.get('operationId', '')}`")
        parameters = operation.get("parameters", [])
        if parameters:
            out += ["", "| Parameter | In | Type | Required |", "|---|---|---|---|"]
            for parameter in parameters:
                out.append(f"| `{parameter['name']}` | {parameter['in']} | {type_of(parameter.get('schema'))} | "
                           f"{'yes' if parameter.get('required') else 'no'} |")
        body = operation.get("requestBody")
        if body:
            for media, content in body.get("content", {}).items():
                out += ["", f"Request body ({media}): {type_of(content.get('schema'))}"
                            f"{' (required)' if body.get('required') else ''}"]
        out += ["", "| Status | Description | Content |", "|---|---|---|"]
        for status, response in sorted(operation.get("responses", {}).items()):
            contents = "; ".join(f"{media}: {type_of(content.get('schema'))}"
                                 for media, content in response.get("content", {}).items())
            out.append(f"| {status} | {cell(response.get('description'))} | {contents} |")
    out += ["", "## Schemas"]
    for name, schema in sorted(document.get("components", {}).get("schemas", {}).items()):
        out += ["", f"### {name}", ""]
        if schema.get("description"):
            out += [cell(schema["description"]), ""]
        properties = schema.get("properties")
        if not properties:
            out.append(f"Type: {type_of(schema)}")
            continue
        required = set(schema.get("required", []))
        out += ["| Field | Type | Required | Description |", "|---|---|---|---|"]
        for field, field_schema in properties.items():
            out.append(f"| `{field}` | {type_of(field_schema)} | {'yes' if field in required else 'no'} | "
                       f"{cell(field_schema.get('description'))} |")
    return "\n".join(out) + "\n"


def main():
    with open(sys.argv[1], encoding="utf-8") as source:
        sys.stdout.write(render(json.load(source)))


if __name__ == "__main__":
    main()
