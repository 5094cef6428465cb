sudo docker container run --rm -it --env=HSM_TOKEN_SERIAL=4e3ca826da2daf8b -eHSM_SLOT=3 \
  --env HSM_USE_RAND -e "PKCS11_LIB_PATH=/usr/lib/softhsm/libsofthsm2.so" \
  --volume=/usr/lib/softhsm:/usr/lib/softhsm -v "$HOME/cf.json:/home/akeyless/.akeyless/customer_fragments.json" \
  --network host --restart=always akeyless/base:latest-akeyless extra args # comment
