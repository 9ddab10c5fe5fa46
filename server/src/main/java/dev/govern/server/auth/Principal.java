package dev.govern.server.auth;

import java.util.List;

/**
 * Who a request comes from: the token's user, its role, and the user's groups.
 *
 * @param user the user name the token was made for (the ledger's operator for their changes)
 * @param role what the token may do
 * @param tokenId the token's public id
 * @param groups the user's groups (approval rules name them, issue 16)
 */
public record Principal(String user, Role role, String tokenId, List<String> groups) {
  public Principal {
    groups = List.copyOf(groups);
  }
}
