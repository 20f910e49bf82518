#!/bin/sh
# Install Debian packages inside an image build, over the plain-http Debian mirror the base
# image already names (containers reach it without the host's certificates). On the default
# mirror the security and point-release suites are added when the base lacks them.
set -eu
if grep -qs 'deb.debian.org/debian ' /etc/apt/sources.list \
   && ! grep -rqs 'security' /etc/apt/sources.list /etc/apt/sources.list.d; then
    echo 'deb http://deb.debian.org/debian bookworm-updates main' >> /etc/apt/sources.list
    echo 'deb http://deb.debian.org/debian-security bookworm-security main' >> /etc/apt/sources.list
fi
printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d  # no service starts during the build
chmod 755 /usr/sbin/policy-rc.d
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
apt-get clean
rm -rf /var/lib/apt/lists/* /usr/sbin/policy-rc.d
