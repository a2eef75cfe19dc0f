/**
 * The one entity dashboard (embed, section select, modal, save, re-render, typed delete confirmation) and its sessions in the ephemeral key store.
 */
package io.tzurot.discord.dashboard;
