/** Storage of web conversation channels and their owners ({@code web_channels}). */
package io.tzurot.storage.webchannel;
