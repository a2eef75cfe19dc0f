/** Character and lorebook import/export over HTTP: cards (PNG, JSON, CHARX), the reference's JSON, world info. */
package io.tzurot.web.cards;
