# the stand-in of the library mode tests (see README.md)
