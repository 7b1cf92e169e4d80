/**
 * The one owner of the tables' schema: attribute names, statuses, what "published" means, the
 * fixed-width timestamps that sort keys compare as strings, the small item-mapping helpers and
 * the cursor codec of every paginated route. Functions and the editor use these and spell none of
 * it themselves.
 */
package dev.broadsheet.core.schema;
