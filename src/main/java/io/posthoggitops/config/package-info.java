/**
 * Loading YAML declarations and the config file into the model, with diagnostics at
 * file:line:column.
 */
package io.posthoggitops.config;
