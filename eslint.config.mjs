// ESLint for the JavaScript we write: the page scripts (docs/javascripts/) and the service-worker template
// (macros/**/sw.js, filled in by macros/outputs/offline.py). `make lint-js` runs it; `make test` runs that.
//
// One dialect for all of it: ES2017, plus three later features that search needs. Why that level:
// the readers are TKSK workers on cheap Android phones, many of which keep the browser or WebView they came
// with (updates cost data). ES2017 runs from Chrome 58 and Samsung Internet 7 (2017); the page itself asks
// no more: Material's bundle is ES2015 and the pages are plain HTML. So quizzes, the Pembaruan filter and the
// offline copy work on those phones too. The three exceptions:
//   - import() (Chrome 63): cari.js loads Pagefind's engine, an ES module, from a classic script;
//   - \p{...} and lookbehind in regular expressions (Chrome 64 and 62): cari.js tells a word's letters and
//     digits apart from punctuation in any script, which ES2017's \w (ASCII only) cannot.
// Only cari.js uses them, and a phone older than Chrome 64 could not search anyway: Pagefind's own code
// is ES2020 (?. and ??, Chrome 80). Built-ins count too: es-x's "aggressive" setting reports a newer method
// (Object.fromEntries, Array.prototype.flatMap, Promise.prototype.finally) even where it cannot tell the
// object's type; not for ES2025's Iterator helpers, whose names (map, forEach, filter) are every array's.
// Every file is a classic script (no import/export; each runs in its own IIFE); sw.js is a worker script.
import js from "@eslint/js";
import esx from "eslint-plugin-es-x";
import globals from "globals";

const OURS = ["docs/javascripts/*.js", "macros/**/sw.js"];
const ITERATOR_HELPERS = Object.keys(esx.configs["flat/restrict-to-es2017"].rules).filter((rule) => rule.startsWith("es-x/no-iterator-prototype-"));

export default [
  // Only our own files, wherever `eslint .` walks: not node_modules, the built site (site/, .generated/),
  // bench outputs, the venv. Everything is ignored, then our folders and files are let back in.
  { ignores: ["**", "!docs/", "!docs/javascripts/", "!macros/", "!macros/**/", ...OURS.map((p) => "!" + p), "!eslint.config.mjs"] },
  {
    files: OURS,
    ...js.configs.recommended,
  },
  {
    files: OURS,
    ...esx.configs["flat/restrict-to-es2017"],
  },
  {
    files: OURS,
    languageOptions: {
      ecmaVersion: "latest", // parse everything, so that es-x names what is too new instead of a syntax error
      sourceType: "script",
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    settings: { "es-x": { aggressive: true } },
    rules: {
      "es-x/no-dynamic-import": "off",
      "es-x/no-regexp-unicode-property-escapes": "off",
      "es-x/no-regexp-lookbehind-assertions": "off",
      ...Object.fromEntries(ITERATOR_HELPERS.map((rule) => [rule, ["error", { aggressive: false }]])),
      // ES2017 has no `catch {}` (ES2019): a catch clause names its error even when it does not use it.
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      // The same habits in every file.
      "no-var": "error",
      "prefer-const": "error",
      "prefer-arrow-callback": "error",
    },
  },
  {
    files: ["docs/javascripts/*.js"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["macros/**/sw.js"],
    languageOptions: {
      globals: {
        ...globals.serviceworker,
        // Placeholders that macros/outputs/offline.py replaces with JSON when it writes site/sw.js.
        __PRECACHE__: "readonly",
        __GROUPS__: "readonly",
      },
    },
  },
  {
    files: ["eslint.config.mjs"],
    ...js.configs.recommended,
    languageOptions: { globals: globals.node },
  },
];
