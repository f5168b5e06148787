/**
 * Layer boundaries (HOUSE-STYLE.md): dsl, spec <- eval, search, emit <- learn, validate, report <- app <- cli, action.
 * Only app (and the edges above it) touches corpus/ and tracker/. No import cycles anywhere.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const layer = (name, allowed) => ({
  name: `layer-${name}`,
  comment: `src/${name} may import only ${allowed.join(", ") || "nothing else in src"}`,
  severity: "error",
  from: { path: `^src/${name}/` },
  to: { path: "^src/", pathNot: [`^src/${name}/`, ...allowed.map((a) => `^src/${a}/`)] },
});

module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "Import cycles make layers meaningless.", from: {}, to: { circular: true } },
    layer("dsl", []),
    layer("spec", ["dsl"]),
    layer("eval", ["dsl", "spec"]),
    layer("emit", ["dsl", "spec"]),
    layer("search", ["dsl", "spec", "eval"]),
    layer("learn", ["dsl", "spec", "eval", "search", "emit"]),
    layer("validate", ["dsl", "spec", "eval", "search", "emit"]),
    layer("report", ["dsl", "spec", "eval", "search", "emit", "learn"]),
    layer("corpus", ["dsl", "spec", "learn"]),
    layer("tracker", ["dsl"]),
    layer("server", ["dsl", "spec", "eval", "search", "emit", "learn", "validate", "report", "corpus", "tracker", "app"]),
    layer("app", ["dsl", "spec", "eval", "search", "emit", "learn", "validate", "report", "corpus", "tracker"]),
    {
      name: "only-edges-import-app",
      severity: "error",
      from: { path: "^src/(dsl|spec|eval|search|emit|learn|validate|report|corpus|tracker)/" },
      to: { path: "^src/(app|cli|server)/" },
    },
    {
      name: "action-is-an-edge",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^action/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
