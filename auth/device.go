package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"net/http"
	"time"
)

// DeviceCookieName is the cookie that marks a browser where an account
// has signed in before.
const DeviceCookieName = "woow_device"

// DeviceTTL is how long a browser stays known without a new sign-in.
const DeviceTTL = 180 * 24 * time.Hour

// device cookie layout: user id (8 bytes), random device id (16), then a
// MAC of both (16 bytes of HMAC-SHA-256).
const (
	deviceIDBytes  = 16
	deviceMACBytes = 16
	deviceBytes    = 8 + deviceIDBytes + deviceMACBytes
)

// NewDeviceToken returns a device cookie value for userID, signed with
// key: the proof that this browser signed in to that account once, which
// lets it past the per-account slow-down of failed sign-ins that a stranger
// can cause.
func NewDeviceToken(key []byte, userID int) string {
	b := make([]byte, deviceBytes)
	binary.BigEndian.PutUint64(b, uint64(userID))
	_, _ = rand.Read(b[8 : 8+deviceIDBytes])
	copy(b[8+deviceIDBytes:], deviceMAC(key, b[:8+deviceIDBytes]))
	return base64.RawURLEncoding.EncodeToString(b)
}

// VerifyDeviceToken returns the account and device id of a device cookie
// value signed with key; ok is false for anything else.
func VerifyDeviceToken(key []byte, value string) (userID int, deviceID string, ok bool) {
	if len(value) != base64.RawURLEncoding.EncodedLen(deviceBytes) {
		return 0, "", false
	}
	b, err := base64.RawURLEncoding.DecodeString(value)
	if err != nil || len(b) != deviceBytes {
		return 0, "", false
	}
	if !hmac.Equal(b[8+deviceIDBytes:], deviceMAC(key, b[:8+deviceIDBytes])) {
		return 0, "", false
	}
	id := binary.BigEndian.Uint64(b)
	if id > 1<<62 {
		return 0, "", false
	}
	return int(id), base64.RawURLEncoding.EncodeToString(b[8 : 8+deviceIDBytes]), true
}

func deviceMAC(key, data []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(data)
	return m.Sum(nil)[:deviceMACBytes]
}

// DeviceToken returns the raw device cookie of r, or "".
func DeviceToken(r *http.Request) string {
	ck, err := r.Cookie(DeviceCookieName)
	if err != nil || len(ck.Value) > 128 {
		return ""
	}
	return ck.Value
}

// SetDeviceCookie sets the device cookie: HttpOnly, SameSite=Lax, Secure
// over TLS, for DeviceTTL.
func (c Cookies) SetDeviceCookie(w http.ResponseWriter, r *http.Request, value string) {
	http.SetCookie(w, &http.Cookie{
		Name:     DeviceCookieName,
		Value:    value,
		Path:     "/",
		Expires:  time.Now().Add(DeviceTTL),
		HttpOnly: true,
		Secure:   c.IsTLS(r),
		SameSite: http.SameSiteLaxMode,
	})
}
