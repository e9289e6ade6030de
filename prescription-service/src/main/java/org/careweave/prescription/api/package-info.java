/** REST resources and their request/response records: the prescription service's public contract. */
package org.careweave.prescription.api;
