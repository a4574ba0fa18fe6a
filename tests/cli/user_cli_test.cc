// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Users from the command line: passwords read from standard input and kept only as argon2id
// hashes, a park editor's park, the audit of every change, removal.
#include "cli_fixture.h"
#include <nlohmann/json.hpp>

namespace {

TEST_F(CliTest, ManagesUsersWithoutKeepingPasswords) {
  ASSERT_EQ(Cli("init").exit_code, 0);
  // Passwords come as one line of standard input (a terminal would be asked twice, unechoed).
  for (const char* password : {"short", "a-long-secret-1", "a-long-secret-2", "another-secret-3"}) {
    testutil::WriteFile(dir_.Path(std::string(password) + ".txt"), std::string(password) + "\n");
  }
  const CliRun short_password = Cli("user add boss --role admin < short.txt");
  EXPECT_EQ(short_password.exit_code, 3);
  EXPECT_NE(short_password.out.find("at least 10 characters"), std::string::npos);
  ASSERT_EQ(Cli("user add boss --role admin < a-long-secret-1.txt").exit_code, 0);
  EXPECT_EQ(Cli("user add boss --role viewer < a-long-secret-1.txt").exit_code, 5);
  const CliRun no_park = Cli("user add pe --role park_editor < a-long-secret-2.txt");
  EXPECT_EQ(no_park.exit_code, 3);
  EXPECT_NE(no_park.out.find("a park editor needs a park"), std::string::npos);
  ASSERT_EQ(Cli("user add pe --role park_editor --park GXQ < a-long-secret-2.txt").exit_code, 0);
  ASSERT_EQ(Cli("user passwd pe < another-secret-3.txt").exit_code, 0);

  const auto users = nlohmann::json::parse(Cli("user list --format json").out);
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[1]["name"], "pe");
  EXPECT_EQ(users[1]["role"], "park_editor");
  EXPECT_EQ(users[1]["park"], "GXQ");
  // Only the hash is stored, in libsodium's argon2id form.
  const CliRun stored =
      Cli("--help >/dev/null; sqlite3 e2e.db 'SELECT password_hash FROM app_user'");
  EXPECT_NE(stored.out.find("$argon2id$"), std::string::npos) << stored.out;
  EXPECT_EQ(stored.out.find("a-long-secret"), std::string::npos);
  const CliRun audit = Cli("changes --entity user");
  EXPECT_NE(audit.out.find("password"), std::string::npos);
  EXPECT_EQ(audit.out.find("argon2"), std::string::npos);  // the audit says "set", never the hash

  ASSERT_EQ(Cli("user remove pe").exit_code, 0);
  EXPECT_EQ(Cli("user remove pe").exit_code, 4);
}

}  // namespace
