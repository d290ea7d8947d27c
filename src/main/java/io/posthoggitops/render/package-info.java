/**
 * Text, markdown and JSON views of plans and diagnostics, and export as YAML files; all wording of
 * plans lives here.
 */
package io.posthoggitops.render;
