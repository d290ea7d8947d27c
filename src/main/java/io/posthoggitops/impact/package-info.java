/**
 * Impact in plans (docs/impact.md): how often code calls the flags a plan changes, how many people
 * a changed release condition reaches before and after, and the flags a plan switches off while
 * they are still called. Advisory: any failure gives one warning and a plan without it. Never part
 * of what apply runs from or checks.
 */
package io.posthoggitops.impact;
