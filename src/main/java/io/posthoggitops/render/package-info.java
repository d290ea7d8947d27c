/** Text, markdown and JSON views of plans and diagnostics. */
package io.posthoggitops.render;
