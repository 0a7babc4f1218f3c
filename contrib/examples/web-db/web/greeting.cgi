#!/bin/sh
# Asks the db service for the greeting, by name: compose's network
# resolves service names.
printf 'Content-Type: text/plain\r\n\r\n'
wget -qO- http://db:5432/greeting
