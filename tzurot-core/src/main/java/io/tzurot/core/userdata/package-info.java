/** A user's whole data: the ZIP export as a background job, and account erasure; who may do either to whom. */
package io.tzurot.core.userdata;
