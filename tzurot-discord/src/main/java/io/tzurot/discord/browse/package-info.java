/**
 * The one browse list: pages, filters, a select to open an item, Back.
 */
package io.tzurot.discord.browse;
