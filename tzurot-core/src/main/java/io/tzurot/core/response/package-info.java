/**
 * Post-processing of model replies: reasoning extraction, clean-up, duplicate and inadequate-reply detection,
 * and the retry decision of the reply engine.
 */
package io.tzurot.core.response;
