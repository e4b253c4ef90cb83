"""The reviewer the browser tests log in as (made with `materiel users add`)."""

NAME, PASSWORD = "rev-ada", "a long pass phrase for the test"
