// Ids, timestamps and JSON strings without allocation-heavy helpers.

package main

import (
	"crypto/rand"
	"encoding/binary"
	"os"
	"sync/atomic"
	"time"
)

var (
	idSeedA, idSeedB uint64
	idCounter        uint64
)

func initIDs() {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		binary.LittleEndian.PutUint64(b[:], uint64(time.Now().UnixNano()))
		binary.LittleEndian.PutUint64(b[8:], uint64(os.Getpid()))
	}
	idSeedA = binary.LittleEndian.Uint64(b[:])
	idSeedB = binary.LittleEndian.Uint64(b[8:])
}

func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

const hexDigits = "0123456789abcdef"

// newID returns a fresh random-looking UUID4 string without a syscall or a lock.
func newID() string {
	n := atomic.AddUint64(&idCounter, 1)
	var u [16]byte
	binary.BigEndian.PutUint64(u[:8], splitmix64(idSeedA^n))
	binary.BigEndian.PutUint64(u[8:], splitmix64(idSeedB+n*0x9e3779b97f4a7c15))
	u[6] = (u[6] & 0x0f) | 0x40
	u[8] = (u[8] & 0x3f) | 0x80
	var s [36]byte
	j := 0
	for i := 0; i < 16; i++ {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			s[j] = '-'
			j++
		}
		s[j] = hexDigits[u[i]>>4]
		s[j+1] = hexDigits[u[i]&0x0f]
		j += 2
	}
	return string(s[:])
}

// newHex48 returns 48 random-looking lowercase hex digits (24 bytes), the form of OGX's conversation and input item
// ids.
func newHex48() string {
	n := atomic.AddUint64(&idCounter, 1)
	var s [48]byte
	for w, x := range [3]uint64{splitmix64(idSeedA ^ n), splitmix64(idSeedB + n*0x9e3779b97f4a7c15), splitmix64(idSeedA + idSeedB ^ n)} {
		for i := 0; i < 16; i++ {
			s[w*16+i] = hexDigits[(x>>(60-4*i))&0xf]
		}
	}
	return string(s[:])
}

func now() int64 { return time.Now().UnixNano() }

// appendTS appends a quoted Llama Stack timestamp: "2025-09-20T10:00:00.123456Z".
func appendTS(b []byte, unixNano int64) []byte {
	b = append(b, '"')
	b = time.Unix(0, unixNano).UTC().AppendFormat(b, "2006-01-02T15:04:05.000000Z")
	return append(b, '"')
}

// appendJSONString appends s as a JSON string (UTF-8 sent raw, as Llama Stack does).
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"':
			b = append(b, '\\', '"')
		case '\\':
			b = append(b, '\\', '\\')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
