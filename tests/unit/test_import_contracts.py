"""The import contracts of web/'s areas (lint/import_contracts.py): kept by the real tree,
broken by a deliberate violation of each."""
import grimp
import pytest

from lint.import_contracts import http_imports, pages_crossings, rules_with_http

AREAS = ["web.accounts", "web.practice", "web.hiring"]


class Graph:
    """Just enough of grimp's graph: modules and their direct imports."""

    def __init__(self, imports: dict[str, set[str]]):
        self.imports = imports
        self.modules = set(imports)

    def find_descendants(self, package: str) -> set[str]:
        return {m for m in self.imports if m.startswith(package + ".")}

    def find_modules_directly_imported_by(self, module: str) -> set[str]:
        return self.imports.get(module, set())


@pytest.fixture(scope="module")
def real_graph():
    return grimp.build_graph("web", "judge", include_external_packages=True)


def test_the_tree_keeps_every_contract(real_graph):
    areas = ["web.accounts", "web.admin", "web.api", "web.grading", "web.hiring", "web.practice",
             "web.study"]
    assert pages_crossings(real_graph, areas) == []
    assert rules_with_http(real_graph, areas) == []
    assert not real_graph.find_shortest_chain(importer="judge", imported="web")


def test_pages_of_one_area_importing_another_areas_pages_break_it():
    graph = Graph({"web.hiring.candidate_pages": {"web.practice.submission_pages",
                                                  "web.hiring.team_pages", "web.practice.rules"},
                   "web.hiring.team_pages": set(), "web.practice.submission_pages": set(),
                   "web.practice.rules": {"web.hiring.team_pages"}})
    assert pages_crossings(graph, AREAS) == [("web.hiring.candidate_pages",
                                              "web.practice.submission_pages")]


@pytest.mark.parametrize("source", [
    "from flask import current_app, request", "from flask import (Flask,\n    abort)",
    "from flask_login import current_user", "import flask", "from werkzeug.exceptions import NotFound",
    "def f():\n    from flask import render_template",
])
def test_a_rule_module_importing_request_objects_breaks_it(source):
    assert http_imports(source)
    graph = Graph({"web.practice.rules": set(), "web.practice.rules_pages": set()})
    found = rules_with_http(graph, AREAS, read=lambda module: source)
    assert [module for module, _, _ in found] == ["web.practice.rules"]  # pages may speak HTTP


def test_application_context_is_not_http():
    assert http_imports("from flask import Flask, current_app\nfrom sqlalchemy import select") == []
