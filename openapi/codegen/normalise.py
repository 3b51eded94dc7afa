"""Spec normalisation: the rewrites applied to the pinned spec before generation.

Each rewrite fixes one way the pinned generator misreads a valid spec. None changes the wire
contract: the contract tests (emulator, Prism, schemathesis) run against the spec as published.
Each returns human-readable notes of what it changed, so a bump shows what still applies.

    python -m codegen.normalise IN [IN...] OUT    # writes OUT as JSON, byte-for-byte deterministic

Several INs are the files of one version's set, the control spec first: merged into one document
(codegen/merge.py) before the rewrites.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

from .merge import SPEC_SET_KEY, set_bytes
from .walk import HTTP_METHODS, JSON, each_schema, operations

Rewrite = Callable[[JSON], list[str]]


def security_into_operations(doc: JSON) -> list[str]:
    """Copy the root-level `security` requirement into every operation that has none.

    Why: the generator reads `security` only on operations, so with a root-level requirement every
    endpoint is typed as accepting an unauthenticated `Client`. An operation's own `security`
    (including an explicit `[]`, meaning "no auth") is kept as it is, per OpenAPI semantics.
    """
    root = doc.get("security")
    if not root:
        return []
    notes = []
    for path, method, op in operations(doc):
        if "security" not in op:
            op["security"] = copy.deepcopy(root)
            notes.append(f"{method.upper()} {path}: security from root")
    return notes


def _is_required_only(branch: JSON) -> bool:
    return set(branch) == {"required"} and isinstance(branch["required"], list)


def one_of_required_into_properties(doc: JSON) -> list[str]:
    """Drop a `oneOf` whose branches only name `required` properties of the same object.

    Why: such a `oneOf` (IndexSpec: exactly one of `serverless` / `pod`) is a validation rule over
    the object's own `properties`, but the generator reads it as a union of untyped schemas and
    types the property `Any` (a generated `PodSpec` passed there is not even serialised). Without
    it the object is a typed model with both properties optional. The rule is kept, machine-readable,
    as `x-one-of-required` (the overlay enforces it before any I/O) and in the description.
    """
    notes: list[str] = []

    def visit(schema: JSON) -> None:
        branches = schema.get("oneOf")
        if not (isinstance(branches, list) and branches and isinstance(schema.get("properties"), dict)):
            return
        if not all(isinstance(b, dict) and _is_required_only(b) for b in branches):
            return
        groups = [list(b["required"]) for b in branches]
        del schema["oneOf"]
        schema["x-one-of-required"] = groups
        rule = " | ".join(", ".join(f"`{name}`" for name in group) for group in groups)
        schema["description"] = _append(schema.get("description"), f"Exactly one of: {rule}.")
        notes.append(f"oneOf of required-only branches {groups} -> properties")

    each_schema(doc, visit)
    return notes


def defaults_into_docs(doc: JSON) -> list[str]:
    """Move every schema `default` into `x-server-default` and the description.

    Why: the generator turns a `default` into a constructor default that is always serialised, so a
    configure body built with only `replicas` also sends `pod_type: p1.x1` and silently changes the
    pod type. In OpenAPI a default is what the *server* assumes when a value is absent, so a request
    must carry only what the caller set. The value stays documented and machine-readable.
    """
    notes: list[str] = []

    def visit(schema: JSON) -> None:
        if "default" not in schema:
            return
        value = schema.pop("default")
        schema["x-server-default"] = value
        shown = json.dumps(value) if not isinstance(value, str) else value
        schema["description"] = _append(schema.get("description"), f"Server default: `{shown}`.")
        notes.append(f"default {value!r} -> x-server-default")

    each_schema(doc, visit)
    return notes


def titles_out_of_class_names(doc: JSON) -> list[str]:
    """Drop the `title` keyword from every schema object (kept as `x-title`).

    Why: the generator names a model after its schema's `title` when it has one. From 2025-10 on,
    titles repeat across unrelated schemas ("Serverless", "Dedicated", "On-demand" in both the
    index spec and the read-capacity unions), the generator meets duplicate class names, and it
    silently drops `create_index`, `configure_index`, `create_index_for_model` and the 200 bodies
    of list/describe. Without titles, names come from component keys and property paths, which
    are unique by construction.
    """
    notes: list[str] = []

    def visit(schema: JSON) -> None:
        title = schema.get("title")
        if isinstance(title, str):
            schema["x-title"] = schema.pop("title")
            notes.append(f"title {title!r} -> x-title")

    each_schema(doc, visit)
    return notes


API_VERSION_HEADER = "x-pinecone-api-version"


def api_version_header_out_of_operations(doc: JSON) -> list[str]:
    """Remove the `X-Pinecone-Api-Version` header parameter from every operation.

    Why: from 2025-10 on every operation declares the API version as a required header parameter,
    which would make it a required argument of every generated function. The version is a property
    of the whole spec (`info.version`): the generated `_provenance.API_VERSION` carries it and the
    overlay sends the header on every request.
    """
    notes: list[str] = []
    parameters = ((doc.get("components") or {}).get("parameters")) or {}

    def is_version_header(param: object) -> bool:
        if isinstance(param, dict) and isinstance(param.get("$ref"), str):
            param = parameters.get(param["$ref"].rsplit("/", 1)[-1])
        return (
            isinstance(param, dict)
            and param.get("in") == "header"
            and str(param.get("name", "")).lower() == API_VERSION_HEADER
        )

    holders = [op for _path, _method, op in operations(doc)]
    holders += [item for item in (doc.get("paths") or {}).values() if isinstance(item, dict)]
    for holder in holders:
        params = holder.get("parameters")
        if isinstance(params, list) and any(is_version_header(p) for p in params):
            holder["parameters"] = [p for p in params if not is_version_header(p)]
            notes.append(f"{holder.get('operationId', 'path item')}: X-Pinecone-Api-Version parameter removed")
    return notes


# The resource-name rule, as the spec words it for index and collection names (whitespace folded).
_NAME_RULE = re.compile(
    r"Resource name must be (?P<min>\d+)-(?P<max>\d+) characters long, start and end with an alphanumeric "
    r"character, and consist only of lower case alphanumeric characters or '-'"
)
NAME_PATTERN = "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"


def _prose(schema: JSON) -> str:
    return " ".join(str(schema.get("description") or "").split())


def _put(
    schema: JSON, keyword: str, value: object, notes: list[str], where: str, source: str = "the description"
) -> None:
    """Set a keyword the prose implies; a value the schema already states wins (and is reported)."""
    if keyword not in schema:
        schema[keyword] = value
        notes.append(f"{where}: {keyword} {value!r} from {source}")
    elif schema[keyword] != value:
        notes.append(f"{where}: {keyword} kept as {schema[keyword]!r} (the description says {value!r})")


def name_rule_into_keywords(doc: JSON) -> list[str]:
    """Turn the prose resource-name rule into `pattern`, `minLength` and `maxLength`.

    Why: the spec states the rule for index and collection names only in words ("Resource name must
    be 1-45 characters long, start and end with an alphanumeric character, and consist only of lower
    case alphanumeric characters or '-'"), so neither a validator nor the generated metadata can see
    it, and the client and the emulator each hand-wrote it. It is a rule, not a catalogue: "must",
    purely syntactic, and the server enforces it (the ErrorResponse example quotes its refusal).
    Triggered by the sentence wherever it appears on a string schema, whatever the property is
    called; the lengths come from the sentence, limits the schema already states are kept.
    """
    notes: list[str] = []

    def visit(schema: JSON) -> None:
        found = _NAME_RULE.search(_prose(schema))
        if not found or schema.get("type") != "string":
            return
        where = f"name rule ({found['min']}-{found['max']})"
        _put(schema, "pattern", NAME_PATTERN, notes, where)
        _put(schema, "minLength", int(found["min"]), notes, where)
        _put(schema, "maxLength", int(found["max"]), notes, where)

    each_schema(doc, visit)
    return notes


# "Keys must be 80 characters or less." / "Values must be alphanumeric, ';', '@', '_', or ' '."
_MAP_LENGTH_RULE = re.compile(r"\b(?P<part>Keys|Values) must be (?P<max>\d+) characters or less\.")
_MAP_CHARS_RULE = re.compile(r"\b(?P<part>Keys|Values) must be (?P<chars>alphanumeric(?:,? (?:or )?'[^']')*)\.")
_QUOTED_CHAR = re.compile(r"'([^'])'")


def _char_class_pattern(chars: str) -> str:
    r"""`alphanumeric, '_', or '-'` -> `^[A-Za-z0-9_\-]*$` (ASCII letters and digits, as in the examples)."""
    extra = "".join(c if c == " " else re.escape(c) for c in _QUOTED_CHAR.findall(chars))
    return f"^[A-Za-z0-9{extra}]*$"


def map_rules_into_keywords(doc: JSON) -> list[str]:
    """Turn a string map's prose key/value rules into keywords (from 2024-10: index `tags`).

    Why: the spec says "Keys must be 80 characters or less. Values must be 120 characters or less.
    Keys must be alphanumeric, '_', or '-'. Values must be alphanumeric, ';', '@', '_', '-', '.',
    '+', or ' '." only in words. Value rules become `maxLength`/`pattern` on `additionalProperties`;
    key rules go to `x-property-names` (OpenAPI 3.0 has no `propertyNames`; the generated metadata
    and the validator read it). Patterns use `*`: the spec gives an empty value a meaning (unset).
    Triggered by those sentences on an object whose `additionalProperties` is a string schema.
    """
    notes: list[str] = []

    def visit(schema: JSON) -> None:
        values = schema.get("additionalProperties")
        if not (isinstance(values, dict) and values.get("type") == "string"):
            return
        text = _prose(schema)

        def target(part: str) -> JSON:
            return values if part == "Values" else schema.setdefault("x-property-names", {})

        for rule in _MAP_LENGTH_RULE.finditer(text):
            _put(target(rule["part"]), "maxLength", int(rule["max"]), notes, f"map {rule['part'].lower()}")
        for rule in _MAP_CHARS_RULE.finditer(text):
            pattern = _char_class_pattern(rule["chars"])
            _put(target(rule["part"]), "pattern", pattern, notes, f"map {rule['part'].lower()}")

    each_schema(doc, visit)
    return notes


_ITEM_PATH = re.compile(r"(?P<collection>/.*)/\{(?P<param>[^{}/]+)\}")
_IDENTITY_KEYWORDS = ("pattern", "minLength", "maxLength")


def _resolve(doc: JSON, node: object) -> object:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        target: object = doc
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target.get(part) if isinstance(target, dict) else None
        node = target
    return node


def _json_schema(doc: JSON, holder: object) -> object:
    holder = _resolve(doc, holder)
    content = holder.get("content") if isinstance(holder, dict) else None
    media = content.get("application/json") if isinstance(content, dict) else None
    return _resolve(doc, media.get("schema")) if isinstance(media, dict) else None


def name_rule_into_path_parameters(doc: JSON) -> list[str]:
    """Give a resource's path parameter the rules of the name it was created with.

    Why: `GET /indexes/{index_name}` says only "The name of the index to be described."; the rule
    for that name is stated where the name is chosen, on `POST /indexes`. The spec's structure links
    the two: the item path `/X/{p}` sits under the collection `/X`, whose POST answers with the very
    schema the item's GET returns, and whose body has a required property `f` with `p` = `f` or
    `p` = `<something>_f` (`index_name` <- `name`). Then `p` names what `f` named, and the rules of
    `f` (`pattern`, `minLength`, `maxLength`) hold for `p` too. A client can refuse a name that can
    never exist (`"Bad_Name"`, `".."`) before sending anything. Runs after `name_rule_into_keywords`.
    """
    notes: list[str] = []
    paths = doc.get("paths") or {}
    for template, item in paths.items():
        found = _ITEM_PATH.fullmatch(template)
        collection = paths.get(found["collection"]) if found else None
        if not (found and isinstance(item, dict) and isinstance(collection, dict)):
            continue
        create, read = collection.get("post"), item.get("get")
        if not (isinstance(create, dict) and isinstance(read, dict)):
            continue
        created = [
            _json_schema(doc, r) for code, r in (create.get("responses") or {}).items() if str(code).startswith("2")
        ]
        read_schema = _json_schema(doc, (read.get("responses") or {}).get("200"))
        body = _json_schema(doc, create.get("requestBody"))
        if read_schema is None or not any(c is read_schema for c in created) or not isinstance(body, dict):
            continue
        param = found["param"]
        for name, prop in (body.get("properties") or {}).items():
            prop = _resolve(doc, prop)
            if name not in (body.get("required") or []) or not (param == name or param.endswith(f"_{name}")):
                continue
            rules = {k: prop[k] for k in _IDENTITY_KEYWORDS if isinstance(prop, dict) and k in prop}
            if not rules:
                continue
            # The item and everything under it (`/indexes/{index_name}/backups`) name the same resource.
            for under, under_item in paths.items():
                if isinstance(under_item, dict) and (under == template or under.startswith(f"{template}/")):
                    source = f"POST {found['collection']} {name}"
                    _copy_into_path_parameter(doc, under_item, param, rules, notes, under, source)
    return notes


def _copy_into_path_parameter(
    doc: JSON, item: JSON, param: str, rules: JSON, notes: list[str], template: str, source: str
) -> None:
    holders = [item, *(op for method, op in item.items() if method in HTTP_METHODS and isinstance(op, dict))]
    for holder in holders:
        for raw in holder.get("parameters") or []:
            declared = _resolve(doc, raw)
            if isinstance(declared, dict) and declared.get("in") == "path" and declared.get("name") == param:
                schema = declared.setdefault("schema", {"type": "string"})
                for keyword, value in rules.items():
                    _put(schema, keyword, value, notes, f"{template} {param}", source)


def _append(description: object, sentence: str) -> str:
    text = str(description).rstrip() if description else ""
    return f"{text}\n\n{sentence}" if text else sentence


def spec_set_into_notes(doc: JSON) -> list[str]:
    """Take the merge record (`info.x-spec-set`, codegen/merge.py) out of a merged set's document.

    Why: it is provenance, not API: the generated package must not depend on it, and what the merge
    did (a schema kept under a prefixed name, servers set per path) belongs with the other notes.
    """
    record = (doc.get("info") or {}).pop(SPEC_SET_KEY, None)
    if not isinstance(record, dict):
        return []
    return [f"merged {' + '.join(record.get('files') or [])}", *(record.get("notes") or [])]


# Order matters only for readability of the notes, and for name_rule_into_path_parameters, which
# reads what name_rule_into_keywords wrote; the others touch disjoint keywords.
REWRITES: tuple[Rewrite, ...] = (
    spec_set_into_notes,
    security_into_operations,
    one_of_required_into_properties,
    defaults_into_docs,
    titles_out_of_class_names,
    api_version_header_out_of_operations,
    name_rule_into_keywords,
    name_rule_into_path_parameters,
    map_rules_into_keywords,
)


def normalise(doc: JSON) -> tuple[JSON, list[str]]:
    """A normalised deep copy of `doc` and the notes of every rewrite applied."""
    out = copy.deepcopy(doc)
    notes: list[str] = []
    for rewrite in REWRITES:
        notes.extend(f"{rewrite.__name__}: {note}" for note in rewrite(out))
    return out, notes


def load_spec(data: bytes) -> JSON:
    # A merged set is stored as JSON (codegen/merge.py); json reads it exactly, and much faster.
    loaded = json.loads(data) if data.lstrip().startswith(b"{") else yaml.safe_load(data)
    if not isinstance(loaded, dict):
        raise ValueError("spec is not a mapping at the top level")
    return loaded


def dump(doc: JSON) -> str:
    """Deterministic JSON text: key order as in the source, fixed indentation, LF, final newline."""
    return json.dumps(doc, indent=2, ensure_ascii=False, default=str) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2:
        print("usage: python -m codegen.normalise IN [IN...] OUT", file=sys.stderr)
        return 2
    doc, notes = normalise(load_spec(set_bytes([(name, Path(name).read_bytes()) for name in args[:-1]])))
    Path(args[-1]).write_text(dump(doc), encoding="utf-8", newline="\n")
    print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
