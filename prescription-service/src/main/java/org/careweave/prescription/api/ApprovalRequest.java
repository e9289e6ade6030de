package org.careweave.prescription.api;

import jakarta.validation.constraints.Size;

/** Approving a refill; a reason is optional. */
public record ApprovalRequest(@Size(max = 1000) String reason) {
}
