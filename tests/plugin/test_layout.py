"""The plugin's modules import in one direction, and none touches Wagtail's private request
attributes: a newcomer can follow the imports, and a Wagtail upgrade cannot break us silently."""

import ast
from pathlib import Path

import clusterdirectory

PLUGIN = Path(clusterdirectory.__file__).parent
PROJECT = PLUGIN.parent


def plugin_modules():
    found = {}
    for path in PLUGIN.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = path.relative_to(PROJECT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def top_level_imports(name, path, known):
    """The plugin modules ``name`` imports at module level (not inside functions)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    imported = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            candidates = [module, *(f"{module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            continue
        imported.update(candidate for candidate in candidates if candidate in known)
    return imported


def test_no_module_of_the_plugin_imports_itself_back():
    modules = plugin_modules()
    graph = {name: top_level_imports(name, path, modules) for name, path in modules.items()}
    cycles, state, stack = [], {}, []

    def visit(module):
        state[module] = "open"
        stack.append(module)
        for imported in graph[module]:
            if state.get(imported) == "open":
                cycles.append([*stack[stack.index(imported) :], imported])
            elif imported not in state:
                visit(imported)
        stack.pop()
        state[module] = "done"

    for module in graph:
        if module not in state:
            visit(module)
    assert len(graph) > 20  # the walk found the plugin
    assert cycles == []


def test_no_code_of_ours_touches_wagtails_private_attributes():
    ours = [
        path
        for folder in ("clusterdirectory", "cms", "home", "staff", "pagecache", "bench")
        for path in (PROJECT / folder).rglob("*.py")
    ]
    assert ours
    assert [str(path) for path in ours if "_wagtail_" in path.read_text()] == []
