"""Two import-linter contract types for web/'s areas (`lint-imports` runs them, `make lint` too).

- pages_apart: an area's `*_pages` module (HTTP: routes, forms, templates) never imports
  another area's `*_pages`; what areas share goes through rule modules.
- rules_without_http: the other modules of an area (the rules) import none of the objects
  that only make sense inside a request (`request`, `abort`, `render_template`, the signed-in
  user...), so every rule can run from a worker, the CLI or a test without one. A rule that
  must refuse raises `web.errors.Refused`.

Each contract names the area packages it covers (`areas`); a module's area is the package
right under `web`.
"""
import ast
import importlib.util

from importlinter import Contract, ContractCheck, fields, output

# what a rule module may not import: request-bound objects and HTTP responses
HTTP_NAMES = {
    "flask": {"request", "session", "g", "abort", "render_template", "render_template_string",
              "redirect", "flash", "make_response", "jsonify", "url_for", "send_from_directory",
              "Response", "Blueprint"},
    "flask_login": {"current_user", "login_user", "logout_user", "login_required"},
}
HTTP_PACKAGES = ("werkzeug", "flask_wtf", "wtforms")  # HTTP exceptions, forms


def is_pages(module: str) -> bool:
    return module.rsplit(".", 1)[-1].endswith("_pages")


def area_of(module: str, areas) -> str | None:
    return next((area for area in areas if module == area or module.startswith(area + ".")), None)


def area_modules(graph, areas) -> list[str]:
    return sorted(m for area in areas for m in graph.find_descendants(area) | ({area} & graph.modules))


def pages_crossings(graph, areas) -> list[tuple[str, str]]:
    """(importer, imported) pairs where one area's pages import another area's pages."""
    found = []
    for module in area_modules(graph, areas):
        if not is_pages(module):
            continue
        for imported in graph.find_modules_directly_imported_by(module):
            other = area_of(imported, areas)
            if is_pages(imported) and other and other != area_of(module, areas):
                found.append((module, imported))
    return sorted(found)


def http_imports(source: str) -> list[tuple[int, str]]:
    """(line, name) of each request-bound object a module's source imports."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            top = node.module.split(".")[0]
            for alias in node.names:
                if alias.name in HTTP_NAMES.get(node.module, ()) or top in HTTP_PACKAGES:
                    found.append((node.lineno, f"{node.module}.{alias.name}"))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if alias.name in HTTP_NAMES or top in HTTP_PACKAGES:  # `import flask`: anything
                    found.append((node.lineno, alias.name))
    return found


def source_of(module: str) -> str:
    spec = importlib.util.find_spec(module)
    with open(spec.origin, encoding="utf-8") as file:
        return file.read()


def rules_with_http(graph, areas, read=source_of) -> list[tuple[str, int, str]]:
    """(module, line, name) for every request object imported by a rule module."""
    return [(module, line, name) for module in area_modules(graph, areas)
            if not is_pages(module) for line, name in http_imports(read(module))]


class PagesApartContract(Contract):
    type_name = "pages_apart"
    areas = fields.ListField(subfield=fields.StringField())

    def check(self, graph, verbose: bool) -> ContractCheck:
        crossings = pages_crossings(graph, self.areas)
        return ContractCheck(kept=not crossings, metadata={"crossings": crossings})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for importer, imported in check.metadata["crossings"]:
            output.print_error(f"{importer} imports {imported}: share a rule module instead")


class RulesWithoutHttpContract(Contract):
    type_name = "rules_without_http"
    areas = fields.ListField(subfield=fields.StringField())

    def check(self, graph, verbose: bool) -> ContractCheck:
        found = rules_with_http(graph, self.areas)
        return ContractCheck(kept=not found, metadata={"found": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for module, line, name in check.metadata["found"]:
            output.print_error(f"{module}:{line} imports {name}: only *_pages modules speak HTTP")
