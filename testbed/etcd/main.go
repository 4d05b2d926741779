// Wrapper main for etcd: the same call etcd's own root main.go makes. Building it as a
// dependency of this module sidesteps the sibling-directory replaces in etcd's server/go.mod,
// so the binary comes straight from the Go module proxy (see docs/testbed.md).
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
