/**
 * The saved-plan file: its document type as Jackson binds it, and the conversion between it and a
 * {@link io.posthoggitops.plan.Plan}. The {@code --format json} view renders this document.
 */
package io.posthoggitops.planfile;
